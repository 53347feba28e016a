"""What a facilitator does with a map: why chains, focus, find, clipboard, arrange, 5 Whys
and presentation."""
