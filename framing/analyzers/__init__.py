"""The analyzers: one module per measure, each an :class:`~framing.analyzers.base.Analyzer`.

``base`` holds the interface, the registry and the document context; ``readability``, ``issues``,
``frames``, ``sourcing``, ``hedging`` and ``stance`` the analyzers (the ``*_rules``, ``*_lexicon``,
``*_patterns`` and ``*_speakers`` modules are their rule engines). Analyzers are created by name
through :func:`framing.analyzers.base.create`, so importing this package imports none of them.
"""
