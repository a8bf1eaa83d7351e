"""Printing in the app: PDF preview, printing and saving, the document and template dialogs.

Previews render the PDF file itself with pypdfium2 (PDFium): pyside6-essentials has no QtPdf,
and what the user sees is then exactly the file that is printed or saved.
"""
