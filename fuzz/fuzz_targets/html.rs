#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = crosscheck_hostile::targets::html(data);
});
