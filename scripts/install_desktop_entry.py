"""Put Three Pillars in the Linux applications menu: see gui/desktop_entry.py.

    python scripts/install_desktop_entry.py              # for this user
    python scripts/install_desktop_entry.py --uninstall  # take it out again
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gui.desktop_entry import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
