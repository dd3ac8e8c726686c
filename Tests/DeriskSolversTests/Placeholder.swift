// Placeholder so the declared test target builds before its tests land; replace with real test files.
