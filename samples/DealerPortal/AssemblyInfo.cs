using DealerPortal.Services;
using PiiGuard;

// PII101: a typo ("Tokenise") names a method the type does not have, so the declaration would be
// silently ignored; PiiGuard says so instead.
[assembly: Redacts(typeof(LegacyTokenizer), "Tokenise")]
