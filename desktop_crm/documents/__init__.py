"""Printable documents (quotes, contracts) drawn with reportlab; Qt-free.

``document_data`` is the input (frozen dataclasses services fill in), ``templates`` the JSON
designs, ``pdf.render_pdf`` the one entry point; ``fonts`` finds the font every text is drawn
in. The other modules are the parts of a page: ``header``, ``line_table``, ``totals``,
``closing`` (notes, terms, payment plan, signatures) and ``furniture`` (running header, footer,
page numbers), sharing ``theme`` (font, colours, paragraph styles) and ``context``.
"""
