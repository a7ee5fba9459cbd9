//! The stretches of a document where the main text is: the densest runs of prose,
//! and lists of records of one repeated shape.

use std::num::NonZeroU32;
use std::ops::Range;

/// Positions `[start, end)` into a scored sequence, and the run's total score.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub score: f64,
    pub cost_before: f64,
}

/// Maximal positive-scoring runs (Ruzzo and Tompa's all maximal scoring subsequences), in order.
pub fn dense_runs(scores: &[f64]) -> Vec<Run> {
    dense_runs_of(scores.len(), |position| scores[position])
}

/// [`dense_runs`] over the `count` scores `scores` gives by position (no list of them made first; each
/// score is asked for once).
pub fn dense_runs_of(count: usize, scores: impl Fn(usize) -> f64) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // The scores at or below zero since the last run, and the run being read: its start and total.
    let mut pending = 0.0;
    let mut open: Option<(usize, f64)> = None;
    for position in 0..count {
        let score = scores(position);
        if score > 0.0 {
            open.get_or_insert((position, 0.0)).1 += score;
            continue;
        }
        if let Some((start, total)) = open.take() {
            close_run(&mut runs, Run { start, end: position, score: total, cost_before: 0.0 }, pending);
            pending = 0.0;
        }
        pending += score;
    }
    if let Some((start, total)) = open {
        close_run(&mut runs, Run { start, end: count, score: total, cost_before: 0.0 }, pending);
    }
    runs
}

/// Add a run, `cost` after the last one, merging it with those before it while both sides gain.
fn close_run(runs: &mut Vec<Run>, run: Run, cost: f64) {
    let (mut run, mut cost) = (run, cost);
    while let Some(previous) = runs.last() {
        if !(previous.score + cost > 0.0 && run.score + cost > 0.0) {
            break;
        }
        let previous = runs.pop().expect("a run stands before");
        run = Run { start: previous.start, end: run.end, score: previous.score + cost + run.score, cost_before: 0.0 };
        cost = previous.cost_before;
    }
    run.cost_before = cost;
    runs.push(run);
}

/// Positions `[start, end)` whose shapes repeat with `period`.
///
/// A page has one per block, so it takes 12 bytes: the positions are `u32` (a
/// page of more than 4 Gi blocks is refused long before, with its text), and the
/// period is never 0, so an `Option<Stretch>` takes no more room than a stretch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    start: u32,
    end: u32,
    period: NonZeroU32,
}

impl Stretch {
    fn new(start: usize, end: usize, period: usize) -> Stretch {
        let position = |position: usize| u32::try_from(position).expect("a page has fewer than 4 Gi blocks");
        let period = NonZeroU32::new(position(period)).expect("periods start at 1");
        Stretch { start: position(start), end: position(end), period }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn positions(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn records(&self) -> f64 {
        (self.end - self.start) as f64 / self.period.get() as f64
    }
}

/// For each position, the longest stretch around it whose shapes repeat with a short period.
pub fn repeated_shapes<T: PartialEq + Eq + std::hash::Hash>(
    shapes: &[T],
    max_period: usize,
    min_records: usize,
) -> Vec<Option<Stretch>> {
    let count = shapes.len();
    let mut best: Vec<Option<Stretch>> = vec![None; count];
    for period in 1..=max_period {
        let mut position = period;
        while position < count {
            if shapes[position] != shapes[position - period] {
                position += 1;
                continue;
            }
            let start = position - period;
            while position < count && shapes[position] == shapes[position - period] {
                position += 1;
            }
            let stretch = Stretch::new(start, position, period);
            let distinct: std::collections::HashSet<&T> = shapes[start..start + period].iter().collect();
            if stretch.records() < min_records as f64 || distinct.len() < period.min(2) {
                continue;
            }
            for slot in &mut best[start..position] {
                if slot.is_none_or(|current| current.positions().len() < position - start) {
                    *slot = Some(stretch);
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_across_cheap_gaps() {
        let runs = dense_runs(&[5.0, -1.0, 4.0, -20.0, 3.0]);
        let spans: Vec<(usize, usize, f64)> = runs.iter().map(|run| (run.start, run.end, run.score)).collect();
        assert_eq!(spans, vec![(0, 3, 8.0), (4, 5, 3.0)]);
    }

    #[test]
    fn shapes_repeat() {
        let shapes: Vec<char> = "xababababy".chars().collect();
        let periods: Vec<u32> =
            repeated_shapes(&shapes, 6, 4).iter().map(|s| s.map_or(0, |s| s.period.get())).collect();
        assert_eq!(periods, vec![0, 2, 2, 2, 2, 2, 2, 2, 2, 0]);
    }
}
