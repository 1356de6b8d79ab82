//! A local SQLite store of analysed documents and their claims, extended
//! incrementally batch by batch. PLACEHOLDER until the store lands.
