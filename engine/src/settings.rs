//! A pass's settings as the Python pass object holds them (already validated there).

use rustc_hash::FxHashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<String>),
}

#[derive(Clone, Debug, Default)]
pub struct Settings(pub FxHashMap<String, Value>);

impl Settings {
    pub fn float(&self, name: &str, default: f64) -> f64 {
        match self.0.get(name) {
            Some(Value::Float(value)) => *value,
            Some(Value::Int(value)) => *value as f64,
            _ => default,
        }
    }

    pub fn int(&self, name: &str, default: i64) -> i64 {
        match self.0.get(name) {
            Some(Value::Int(value)) => *value,
            _ => default,
        }
    }

    pub fn usize(&self, name: &str, default: usize) -> usize {
        usize::try_from(self.int(name, default as i64)).unwrap_or(default)
    }

    pub fn bool(&self, name: &str, default: bool) -> bool {
        match self.0.get(name) {
            Some(Value::Bool(value)) => *value,
            _ => default,
        }
    }

    pub fn list(&self, name: &str, default: &[String]) -> Vec<String> {
        match self.0.get(name) {
            Some(Value::List(values)) => values.clone(),
            _ => default.to_vec(),
        }
    }
}
