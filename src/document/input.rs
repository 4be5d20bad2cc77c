//! Turning raw bytes into text, refusing what is not a UTF-8 text file.

use thiserror::Error;

/// Largest file read (64 MiB): a larger one is refused, never half-read.
pub const MAX_FILE_SIZE: usize = 64 * 1024 * 1024;

/// Why bytes are not a readable article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// Over [`MAX_FILE_SIZE`].
    #[error("the file is {0} bytes, over the limit of {MAX_FILE_SIZE} bytes")]
    TooLarge(usize),
    /// A NUL byte: binary data.
    #[error("the file looks binary (NUL byte at offset {0})")]
    Binary(usize),
    /// A UTF-16 byte-order mark.
    #[error("the file is UTF-16; convert it to UTF-8")]
    Utf16,
    /// Bytes that are not UTF-8.
    #[error("the file is not valid UTF-8 (line {line}, byte offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
        /// Its 1-based line.
        line: usize,
    },
}

/// Validates and decodes a file's bytes.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_FILE_SIZE {
        return Err(InputError::TooLarge(bytes.len()));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if let Some(at) = memchr_nul(bytes) {
        return Err(InputError::Binary(at));
    }
    // SIMD validation first; the standard library finds the error position when it fails.
    let valid = simdutf8::basic::from_utf8(bytes).ok();
    match valid.map(Ok).unwrap_or_else(|| std::str::from_utf8(bytes)) {
        Ok(s) => {
            if s.trim_start_matches('\u{feff}').trim().is_empty() {
                Err(InputError::Empty)
            } else {
                Ok(s.to_string())
            }
        }
        Err(e) => {
            let offset = e.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(InputError::InvalidUtf8 { offset, line })
        }
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_utf8_text() {
        assert_eq!(decode(b""), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t"), Err(InputError::Empty));
        assert_eq!(decode(b"ab\0c"), Err(InputError::Binary(2)));
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0]), Err(InputError::Utf16));
        assert_eq!(
            decode(b"ok\n\xC3\x28"),
            Err(InputError::InvalidUtf8 { offset: 3, line: 2 })
        );
        assert_eq!(decode("\u{feff}текст".as_bytes()).unwrap(), "\u{feff}текст");
    }
}
