#!/usr/bin/env python
"""Django's command-line utility; ``scrutinydesk`` does the same once installed."""

import os
import sys

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
    from scrutinydesk.cli import main

    main(sys.argv[1:])
