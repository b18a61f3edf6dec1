"""Copy the shipped snapshot of real UN data from the shared samples (a developer tool).

    python tools/build_snapshot.py [SAMPLES_DIR]   # default: ../shared/samples

`tracker load-samples` loads tracker/data/snapshot/ when no samples folder is present, so a
fresh clone shows real communications and sponsorship. The catalogue CSVs are copied byte
for byte (Windows-1252, as the samples hold them). The communications JSON loses only the
two fields TruNorth's scraper invented (`named_companies`, `topic`: heuristics, often
wrong, and not UN data; the importer ignores them); every other value is kept as it is.
tracker/data/snapshot/SOURCE.md says where each file comes from; update it with the files.
"""

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tracker" / "data" / "snapshot"
COMMUNICATIONS = "ohchr/trunorth_latestreports_2026-07-12.json"
CATALOGUE = ("un_resolutions/unbisnet_draft_resolutions_subset.csv",
             "un_resolutions/unbisnet_draft_authors_subset.csv")
NOT_UN_DATA = ("named_companies", "topic")


def build(samples: Path) -> list[Path]:
    written = []
    data = json.loads((samples / COMMUNICATIONS).read_text(encoding="utf-8"))
    for item in data["communications"]:
        for key in NOT_UN_DATA:
            item.pop(key, None)
    target = SNAPSHOT / COMMUNICATIONS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(target)
    for name in CATALOGUE:
        target = SNAPSHOT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(samples / name, target)
        written.append(target)
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "samples"
    for path in build(folder):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")
