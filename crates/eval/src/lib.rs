//! Scorers measuring crosscheck against the public gold datasets: each module
//! reads one dataset at run time and returns its figures.
