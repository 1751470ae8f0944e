"""Words: every user-facing message and phrase, in Vietnamese (default) and English, and numbers,
shares and dates written the Vietnamese way. Findings and results carry codes and parameters; they
are worded here, at the edge."""
