//! SHA-512, needed by `random.seed(str_or_bytes)` (RustCrypto's sha2, as the `_sha512` module).

/// The SHA-512 digest of `data`.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    use sha2::Digest;
    sha2::Sha512::digest(data).into()
}
