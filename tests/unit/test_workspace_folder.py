"""A folder named as a workspace is refused plainly; the default workspace lives beside the logs."""

from __future__ import annotations

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.workspace.error_log import data_dir
from desktop_crm.services.workspace.handle import (
    create_workspace,
    default_workspace_path,
    open_workspace,
)
from desktop_crm.store.lock import lock_path_for


@pytest.mark.parametrize("opener", [open_workspace, create_workspace])
def test_a_folder_is_refused_in_one_line_and_leaves_no_lock(tmp_path, opener):
    folder = tmp_path / "clients.crm"
    folder.mkdir()
    with pytest.raises(ValidationError) as raised:
        opener(folder)
    message = raised.value.message
    assert "\n" not in message and "is a folder, not a workspace file" in message
    assert not lock_path_for(folder).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.crm"]
    assert list(folder.iterdir()) == []


def test_the_default_workspace_is_in_the_data_folder_with_the_logs(user_data_dir):
    assert data_dir() == user_data_dir
    assert default_workspace_path() == user_data_dir / "workspace.crm"
