"""BindingInfo XML: lossless reading and writing of BizTalk binding files."""

from model.bindings.binding_document import BindingDocument, Origin, dump, load
from model.bindings.safe import BindingFormatError

__all__ = ["BindingDocument", "BindingFormatError", "Origin", "dump", "load"]
