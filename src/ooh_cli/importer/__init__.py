"""Import the official BLS files (profile pages, projections workbook, A-Z index) into the data format.

Only ``ooh data import`` loads this package; lookups never do. openpyxl is imported only while the workbook
is read.

    document, report = build_document(pages_dir, workbook, az_index, existing=read_existing(data_path))
    ooh_cli.importer.switch.commit(data_path, ooh_cli.core.yamlio.dump_yaml(document), [])
"""

from ooh_cli.importer.build import Disagreement, ImportReport, ProgressCallback, build_document
from ooh_cli.importer.errors import SourceError
from ooh_cli.importer.yamlfile import read_existing

__all__ = [
    "Disagreement",
    "ImportReport",
    "ProgressCallback",
    "SourceError",
    "build_document",
    "read_existing",
]
