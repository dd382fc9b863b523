from aterkoppla.cli import main

raise SystemExit(main())
