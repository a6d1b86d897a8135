fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    for r in dyad_ingest::read_inputs(&paths) {
        match r {
            Ok(a) => {
                println!(
                    "=== {} [{}] title={:?} outlet={:?} url={:?} published={:?} from={:?}",
                    a.id, a.origin, a.title, a.outlet, a.url, a.published, a.published_from
                );
                if let Some(d) = &a.dateline {
                    println!("dateline: {:?} {:?} {:?}", d.place, d.date, &a.text[d.span.clone()]);
                }
                println!("{}", a.text);
            }
            Err(p) => println!("PROBLEM {p}"),
        }
    }
}
