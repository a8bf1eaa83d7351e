"""The Products screen as the main window sees it, with the editor it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QMessageBox, QVBoxLayout

from ui.products.products_view import ProductsView
from ui.screen import MenuItem, MenuName, Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.products.dto import ProductRow
    from desktop_crm.services.workspace.handle import Workspace
    from ui.products.product_editor import ProductEditor
    from ui.shell import Shell


class ProductsScreen(Screen):
    """The product catalogue: list, filter, edit, archive, delete and export products."""

    key = "products"
    icon_name = "products"
    # Settings: a new product's currency is the workspace's.
    watches: ClassVar[frozenset[str]] = frozenset({"products", "settings"})

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = ProductsView(shell.worker)
        layout.addWidget(self.view)
        self.editor: ProductEditor | None = None
        self.view.newRequested.connect(lambda: self.edit_product(None))
        self.view.editRequested.connect(self.edit_product)
        self.view.archiveRequested.connect(self.set_on_sale)
        self.view.deleteRequested.connect(self.delete_product)
        self.view.exportRequested.connect(self.export_products)
        self.view.importRequested.connect(self._choose_import)

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Products")

    def menu_items(self) -> dict[MenuName, list[MenuItem]]:
        """File > New Product…."""
        return {"file": [self.action(self.tr("New &Product…"), lambda: self.edit_product(None))]}

    def set_workspace(self, workspace: Workspace | None) -> None:
        """List the opened workspace's products."""
        if self.editor is not None:
            self.editor.close()
        self.view.set_workspace(workspace)

    def changed(self, changes: ChangeResult) -> None:
        """Reload the list."""
        self.view.refresh()

    # --- actions ------------------------------------------------------------------------------

    def edit_product(self, product: ProductRow | None) -> ProductEditor | None:
        """Open the editor for ``product`` (``None``: a new one)."""
        from ui.products.product_editor import ProductEditor

        ws = self.shell.workspace
        if ws is None:
            return None
        editor = ProductEditor(self.shell.worker, ws, product, self.view.currencies, self.shell)
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: self._forget(editor))
        self.editor = editor
        editor.show()
        return editor

    def _forget(self, editor: ProductEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def _saved(self, result: ChangeResult) -> None:
        self.shell.show_status(self.tr("Saved."), 4000)
        self.shell.apply_changes(result)

    def set_on_sale(self, product: ProductRow, on_sale: bool) -> None:
        """Archive ``product`` (``on_sale`` false) or put it back on sale; undoable."""
        product_id = product.id
        if on_sale:
            self.shell.mutate(
                lambda ws: ws.products.unarchive(product_id),
                fill(self.tr("“%1” is on sale again."), product.name),
            )
        else:
            self.shell.mutate(
                lambda ws: ws.products.archive(product_id),
                fill(self.tr("“%1” archived."), product.name),
            )

    def delete_product(self, product: ProductRow, *, ask: bool = True) -> None:
        """Delete ``product`` after asking; quotes that list it keep their lines."""
        if ask:
            answer = QMessageBox.question(
                self,
                self.tr("Delete product"),
                fill(
                    self.tr(
                        "Delete “%1”? Quotes that list it keep their lines. "
                        "You can undo this with Ctrl+Z."
                    ),
                    product.name,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        product_id = product.id
        self.shell.mutate(
            lambda ws: ws.products.delete(product_id),
            fill(self.tr("“%1” deleted."), product.name),
        )

    def export_products(self) -> None:
        """Ask for a file and write the catalogue to it (as File > Export > Products does)."""
        from ui.imports.file_transfer import choose_record_export

        choose_record_export(self.shell, "products")

    def _choose_import(self) -> None:
        from ui.imports.file_transfer import choose_import

        choose_import(self.shell)
