import hashlib
from datetime import date

from nexipos_desktop.receipts.uid import mydata_uid

OFFICIAL_INPUT = "999999999-2020-10-22-0-1.1-Α-2"  # Greek capital alpha, as in mydata.md


def test_official_example_hashes_its_iso_8859_7_bytes():
    # Α (U+0391) is the single byte C1 in ISO-8859-7; written out here so the test does not reuse the codec.
    expected = hashlib.sha1(b"999999999-2020-10-22-0-1.1-\xc1-2").hexdigest().upper()
    assert OFFICIAL_INPUT.encode("iso-8859-7") == b"999999999-2020-10-22-0-1.1-\xc1-2"
    uid = mydata_uid("999999999", date(2020, 10, 22), 0, "1.1", "Α", 2)
    assert uid == expected == "51D64223A48783BFCF64CA199B95F13387971303"


def test_latin_a_gives_a_different_uid():
    greek = mydata_uid("999999999", date(2020, 10, 22), 0, "1.1", "Α", 2)
    latin = mydata_uid("999999999", date(2020, 10, 22), 0, "1.1", "A", 2)
    assert greek != latin
    assert latin == hashlib.sha1(b"999999999-2020-10-22-0-1.1-A-2").hexdigest().upper()


def test_variation_type_is_appended_only_when_present():
    plain = mydata_uid("999999999", date(2020, 10, 22), 0, "11.1", "Α", 2)
    varied = mydata_uid("999999999", date(2020, 10, 22), 0, "11.1", "Α", 2, variation_type=1)
    assert varied == hashlib.sha1("999999999-2020-10-22-0-11.1-Α-2-1".encode("iso-8859-7")).hexdigest().upper()
    assert plain != varied
