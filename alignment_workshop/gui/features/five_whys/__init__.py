"""The guided 5 Whys: the chain logic and its dialog."""
