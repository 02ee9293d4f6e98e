"""The store keeps one rehabstat.toml, the department's: a facility's, sent beside its
workbook, never replaces it unasked (its [document] would head every province's report)."""
from __future__ import annotations

import shutil

from conftest import SAMPLES, cli, text_of


def _samples(tmp_path):
    root = tmp_path / "s"
    for name in ("ha-noi", "son-la"):
        shutil.copytree(SAMPLES / name, root / name)
    shutil.copy(SAMPLES / "rehabstat.toml", root / "rehabstat.toml")
    return root


def _kept(kho):
    from rehabstat.store import Store
    with Store.open(kho) as store:
        return store.config_file().read_bytes(), store.con.execute("SELECT count(*) FROM configs").fetchone()[0]


def test_a_facility_s_configuration_does_not_replace_the_store_s(tmp_path):
    s, kho = _samples(tmp_path), tmp_path / "kho"
    first = cli("receive", s / "ha-noi", s / "son-la", "--store", kho)
    assert first.exit_code == 0, first.output
    assert "rehabstat.toml: tệp cấu hình – đã lưu vào kho (phiên bản 1)." in first.output
    again = cli("receive", s / "son-la" / "2021-02.xlsx", "--store", kho)
    assert again.exit_code == 0, again.output
    assert (f"{s / 'son-la' / 'rehabstat.toml'}: tệp cấu hình – không dùng: kho giữ tệp cấu hình đã nhận từ "
            f"{s / 'rehabstat.toml'} (muốn thay, nhận lại với --config {s / 'son-la' / 'rehabstat.toml'}).") \
        in again.output
    assert _kept(kho) == ((s / "rehabstat.toml").read_bytes(), 1)
    out = tmp_path / "out"
    batch = cli("batch", "--store", kho, "--year", 2021, "--quarter", 2, "--out", out)
    assert batch.exit_code == 0, batch.output
    ha_noi = text_of(out / "BC-Ha-Noi-2021-Q2.docx")
    assert "THÀNH PHỐ HÀ NỘI" in ha_noi and "TỈNH SƠN LA" not in ha_noi
    assert "Nguyễn Văn A" not in ha_noi  # Sơn La's signer


def test_said_in_english_and_replaced_when_asked(tmp_path):
    s, kho = _samples(tmp_path), tmp_path / "kho"
    assert cli("receive", s / "ha-noi", "--store", kho).exit_code == 0
    en = cli("--lang", "en", "receive", s / "son-la", "--store", kho)
    assert en.exit_code == 0, en.output
    assert "configuration file – not used: the store keeps the one received from" in en.output
    asked = cli("receive", s / "son-la", "--store", kho, "--config", s / "son-la" / "rehabstat.toml")
    assert asked.exit_code == 0, asked.output
    assert "tệp cấu hình – phiên bản mới 2 (thay phiên bản 1)." in asked.output
    assert _kept(kho) == ((s / "son-la" / "rehabstat.toml").read_bytes(), 2)


def test_the_store_s_own_file_changed_is_a_new_version(tmp_path):
    s, kho = _samples(tmp_path), tmp_path / "kho"
    assert cli("receive", s / "ha-noi", "--store", kho).exit_code == 0
    toml = s / "rehabstat.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    again = cli("receive", s / "ha-noi", "--store", kho)
    assert again.exit_code == 0, again.output
    assert "tệp cấu hình – phiên bản mới 2 (thay phiên bản 1)." in again.output
    assert _kept(kho) == (toml.read_bytes(), 2)


def test_the_department_s_folder_above_a_facility_s_governs(tmp_path):
    """A store begun with one facility's folder (its rehabstat.toml kept) takes the
    department's rehabstat.toml when the folder above it is received."""
    s, kho = _samples(tmp_path), tmp_path / "kho"
    first = cli("receive", s / "son-la", "--store", kho)
    assert first.exit_code == 0, first.output
    assert _kept(kho) == ((s / "son-la" / "rehabstat.toml").read_bytes(), 1)
    whole = cli("receive", s, "--store", kho)
    assert whole.exit_code == 0, whole.output
    assert "tệp cấu hình – phiên bản mới 2 (thay phiên bản 1)." in whole.output
    assert _kept(kho) == ((s / "rehabstat.toml").read_bytes(), 2)
