//! The guard: a `Read` that hands on only the bytes its scanner passed.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use super::scanner::Scanner;
use super::{Limit, Limits, Violation};

/// The size of the guard's chunks: the first is small (most SOAP messages
/// are, and a buffer is zeroed when made); each one the input fills doubles
/// the next, up to `CHUNK`.
const FIRST_CHUNK: usize = 512;
const CHUNK: usize = 8 * 1024;

/// A `Read` that hands on the bytes of `inner` only once they have passed
/// the tokenizer (the limits' scanner); on a violation it records it in `violation` (for the
/// envelope reader to report) and fails with an I/O error.
pub struct Guard<R> {
    inner: R,
    buf: Box<[u8]>,
    /// The part of `buf` scanned and not yet handed on.
    start: usize,
    end: usize,
    /// Bytes read from `inner`.
    total: usize,
    scanner: Scanner,
    violation: Rc<Cell<Option<Violation>>>,
}

impl<R: Read> Guard<R> {
    /// A guard over `inner` within `limits`; on a violation it records it in
    /// `violation` (for the reader to report the cause) and fails with an
    /// I/O error.
    pub fn new(inner: R, limits: &Limits, violation: Rc<Cell<Option<Violation>>>) -> Self {
        Guard {
            inner,
            buf: vec![0; FIRST_CHUNK].into_boxed_slice(),
            start: 0,
            end: 0,
            total: 0,
            scanner: Scanner::new(*limits),
            violation,
        }
    }

    fn fail(&self, violation: Violation) -> io::Error {
        self.violation.set(Some(violation));
        io::Error::new(io::ErrorKind::InvalidData, violation.to_string())
    }

    /// Reads and scans the next chunk; `false` at the end of the input.
    #[cold]
    fn refill(&mut self) -> io::Result<bool> {
        if let Some(violation) = self.violation.get() {
            return Err(self.fail(violation));
        }
        if self.end == self.buf.len() && self.buf.len() < CHUNK {
            self.buf = vec![0; self.buf.len() * 2].into_boxed_slice();
        }
        // Never read more than one byte past the document limit.
        let room = self
            .scanner
            .limits
            .max_document_len
            .saturating_sub(self.total)
            .saturating_add(1)
            .min(self.buf.len());
        let n = loop {
            match self.inner.read(&mut self.buf[..room]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                result => break result?,
            }
        };
        self.total += n;
        if self.total > self.scanner.limits.max_document_len {
            return Err(self.fail(self.scanner.over(Limit::DocumentLength)));
        }
        if let Err(violation) = self.scanner.scan(&self.buf[..n]) {
            return Err(self.fail(violation));
        }
        self.start = 0;
        self.end = n;
        Ok(n > 0)
    }
}

impl<R: Read> Read for Guard<R> {
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        // xml-rs reads one byte at a time: keep that path short.
        if self.start == self.end && !self.refill()? {
            return Ok(0);
        }
        if let [one] = out {
            *one = self.buf[self.start];
            self.start += 1;
            return Ok(1);
        }
        let n = out.len().min(self.end - self.start);
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}
