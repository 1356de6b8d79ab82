fn main() {
    println!("crosscheck: under construction");
}
