use std::path::PathBuf;

use clap::Args;

use super::Reported;
use crate::generate::dataset::to_ron;
use crate::generate::planted::{demo_file, demo_photos};
use crate::generate::{GenerateSpec, generate_dataset};

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// National person alerts.
    #[arg(long, default_value_t = 1000)]
    pub persons: usize,
    #[arg(long, default_value_t = 1000)]
    pub notices: usize,
    #[arg(long, default_value_t = 10_000)]
    pub sltd: usize,
    #[arg(long, default_value_t = 1000)]
    pub smv: usize,
    /// National document registry entries (default: same as --persons).
    #[arg(long)]
    pub documents: Option<usize>,
    /// National stolen vehicles (default: --smv / 5).
    #[arg(long)]
    pub vehicles: Option<usize>,
    /// TDAWN records (default: --notices / 10).
    #[arg(long)]
    pub tdawn: Option<usize>,
    /// Write SLTD to a tab-separated sidecar file even when small (always above 200,000 records).
    #[arg(long)]
    pub sltd_tsv: bool,
    /// Write the built-in demo dataset and its synthetic portraits instead.
    #[arg(long)]
    pub demo: bool,
    /// Write this many traveller queries with MRZs (JSONL for `batch`) instead of a dataset:
    /// the planted travellers and a forged MRZ first, then random clean travellers.
    #[arg(long)]
    pub travellers: Option<usize>,
    #[arg(long)]
    pub out: PathBuf,
}

const SLTD_SIDECAR_ABOVE: usize = 200_000;

/// The largest count `generate` accepts for any kind of record (a national register of tens of
/// millions is the most any exercise needs; more only exhausts memory).
pub const MAX_GENERATED: usize = 50_000_000;

pub fn run(args: &GenerateArgs) -> Result<(), Reported> {
    let counts = [
        ("--persons", Some(args.persons)),
        ("--notices", Some(args.notices)),
        ("--sltd", Some(args.sltd)),
        ("--smv", Some(args.smv)),
        ("--documents", args.documents),
        ("--vehicles", args.vehicles),
        ("--tdawn", args.tdawn),
        ("--travellers", args.travellers),
    ];
    for (flag, value) in counts {
        if let Some(v) = value
            && v > MAX_GENERATED
        {
            eprintln!("error: {flag} {v} is larger than the {MAX_GENERATED} this generator accepts");
            return Err(Reported);
        }
    }
    if let Some(count) = args.travellers {
        let lines: Vec<String> =
            crate::generate::travellers::traveller_list(args.seed, count).iter().filter_map(|q| serde_json::to_string(q).ok()).collect();
        std::fs::write(&args.out, lines.join("\n") + "\n").map_err(|e| {
            eprintln!("{}: cannot write: {e}", args.out.display());
            Reported
        })?;
        println!("{}: {} travellers with MRZ", args.out.display(), lines.len());
        return Ok(());
    }
    let file = if args.demo {
        demo_file()
    } else {
        generate_dataset(&GenerateSpec {
            seed: args.seed,
            name: format!("Synthetic dataset (seed {})", args.seed),
            persons: args.persons,
            notices: args.notices,
            sltd: args.sltd,
            smv: args.smv,
            documents: args.documents.unwrap_or(args.persons),
            vehicles: args.vehicles.unwrap_or(args.smv / 5),
            tdawn: args.tdawn.unwrap_or(args.notices / 10),
        })
    };
    let fail = |what: String| {
        eprintln!("{}: {what}", args.out.display());
        Reported
    };
    let mut file = file;
    // National-scale SLTD goes to a tab-separated sidecar that loads in a fraction of the time.
    if file.interpol.sltd.len() > SLTD_SIDECAR_ABOVE || args.sltd_tsv {
        let sidecar = args.out.with_extension("sltd.tsv");
        let writer = std::fs::File::create(&sidecar).map_err(|e| fail(format!("cannot create {}: {e}", sidecar.display())))?;
        crate::dataset::sltd_tsv::write_sltd_tsv(&file.interpol.sltd, std::io::BufWriter::new(writer))
            .map_err(|e| fail(format!("cannot write {}: {e}", sidecar.display())))?;
        file.interpol.sltd_file = sidecar.file_name().map(|n| n.to_string_lossy().into_owned());
        println!("{}: {} SLTD records", sidecar.display(), file.interpol.sltd.len());
        file.interpol.sltd.clear();
    }
    let text = to_ron(&file).map_err(|e| fail(format!("cannot serialise: {e}")))?;
    std::fs::write(&args.out, text).map_err(|e| fail(format!("cannot write: {e}")))?;
    if args.demo {
        let dir = args.out.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        for (_, photo, png) in demo_photos(&file) {
            let path = dir.join(&photo);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| fail(format!("cannot create {}: {e}", parent.display())))?;
            }
            std::fs::write(&path, png).map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
        }
    }
    let n = &file.national;
    let i = &file.interpol;
    let sltd_count = if i.sltd_file.is_some() { args.sltd } else { i.sltd.len() };
    println!(
        "{}: {} national persons, {} documents, {} vehicles; {} notices, {} SLTD, {} TDAWN, {} SMV",
        args.out.display(),
        n.persons.len(),
        n.documents.len(),
        n.vehicles.len(),
        i.notices.len(),
        sltd_count,
        i.tdawn.len(),
        i.smv.len()
    );
    Ok(())
}
