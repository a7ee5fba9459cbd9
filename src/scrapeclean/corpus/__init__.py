"""Running the cleaner over corpora: parallel work in input order, the commands, the run summary."""
