import os
import sys

# The package under test comes from the checkout, not from site-packages.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python"))
