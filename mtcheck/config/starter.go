package config

// Starter is a commented starter project file, the one `mtlint -init`
// writes. It loads without error and spells out the defaults it changes;
// the commented examples show the rest of the schema.
const Starter = `# .mtcheck.yml: mtcheck's project configuration.
# mtlint, the language server and the HTTP server use the nearest one found
# walking up from each checked file. Every key is optional.

# Drop findings the rules are less sure of than this (0 to 1). Each finding
# carries the rule's measured confidence; 0.5 keeps mtcheck quiet on weak
# signals.
min-confidence: 0.5

# Fail (exit status 1) on findings of this severity or worse:
# info, warning or error.
fail-level: warning

# Files to check when mtlint walks a directory. Patterns are relative to
# this file's directory; "*" stays within a directory, "**" crosses any
# number of them, and a pattern naming a directory covers all below it.
# Files named on the command line are checked regardless.
include:
  - "**/*.md"
  - "**/*.txt"
  - "**/*.html"
exclude:
  - "vendor/**"
  - "node_modules/**"

# Per-rule settings by rule name (mtlint -rules lists them):
#   rule-name: off              turn a rule off (or: false)
#   rule-name: on               turn an opt-in rule on (or: true)
#   rule-name: error            turn it on with this severity
#   rule-name:                  or a mapping, which turns the rule on:
#     enabled: true
#     severity: warning         info, warning or error
#     min-confidence: 0.7       this rule's own threshold
#     options: {name: value}    the rule's options; file names in them,
#                               like tortured-phrase's lists of extra
#                               entries, are relative to this file
rules:
  # duplicate-line: {severity: error}
  # boilerplate: off

# Different settings for some files; matching entries apply in order,
# later ones winning, merged setting by setting into the rules above.
overrides:
  # - files: ["press-releases/**"]
  #   min-confidence: 0.8
  #   rules: {boilerplate: off}

# House rules without Go code: each entry is a new rule that runs by
# default. Phrases in match are found as whole words, case-insensitively,
# also across line breaks; regex takes Go regular expressions as written
# (add (?i) to ignore case). "%s" in the message is the matched text.
# With replace, each finding offers a fix that keeps the initial capital;
# safe: true lets mtlint -fix apply it unasked.
phrases:
  # - name: house-utilize
  #   message: 'Prefer a form of "use" to "%s".'
  #   category: mistranslation   # mistranslation, name, spacing, splice,
  #                              # fragment, punctuation, boilerplate,
  #                              # duplication or encoding
  #   severity: warning          # info, warning or error
  #   confidence: 0.9            # how sure a match is damage, above 0 to 1
  #   regex: ['(?i)\butili[sz](e|es|ed|ing)\b']
  #   replace: us$1              # $1 is the first group: utilized, used
  # - name: house-email
  #   match: [e-mail, electronic mail]
  #   replace: email
  #   safe: true
`
