"""The data-only protocol between the grader and a student's worker process.

Values cross the pipe as JSON, never as pickles: ``None``/``bool``/``int``/``float``/``str`` as
themselves, lists as JSON lists, everything else as a JSON object tagged by ``"$"``: tuples, dicts,
Ellipsis, complex numbers, bytes, NumPy arrays and scalars (dtype + shape + base64 bytes), pandas
frames and series, torch tensors, dtypes, devices and ``torch.nn`` modules (class name, plain
attributes, parameters, buffers, submodules). Any other object (a student's function, class or
instance) travels as a *reference* ``{"$": "ref", "id": N}`` that the other side resolves.

Decoding is strict: unknown tags, object dtypes in raw buffers, or ``nn.Module`` classes outside
``torch.nn`` are refused. The grader decodes what a student's process sends; the worker decodes
what the grader sends.

Decoding is also bounded, because a message is written by the student's process and read by the
grader's: a line is at most :data:`MAX_LINE` bytes, and one message may take at most
``DECODE_FLOOR + DECODE_FACTOR * len(line)`` bytes once decoded (:class:`Budget`). Every
allocation is charged, with an upper estimate, BEFORE it is made: ``json.loads`` by counting the
line's values first, then each list, array, tensor, frame or module. So a crafted line (a list of
a million empty lists, a bool buffer declared as a complex tensor, a frame of many empty columns)
is refused with a :class:`CodecError` instead of filling the grader's memory. Ranges longer than
:data:`MAX_RANGE` are refused (a test would expand them), and sets or dicts whose keys share hash
values are refused (inserting them would take quadratic time).

This file is also copied into the sandbox and imported by the worker, so it imports nothing from
the ``course`` package and imports NumPy, pandas and torch only when a value needs them.
"""

from __future__ import annotations

import base64
import importlib
import json
import math
import sys
import types

# Module-level copies: a notebook that replaces builtins.isinstance & co. does not break the protocol.
isinstance, issubclass, getattr, len, str, type = isinstance, issubclass, getattr, len, str, type  # noqa: PLW0127
MAX_DEPTH = 64
MAX_ITEMS = 1_000_000
GENERATOR_ITEMS = 100_000
MAX_LINE = 16 * 1024 * 1024
"""Longest message (one JSON line) that is read. The lessons' largest honest answer is < 0.5 MiB."""
DECODE_FLOOR = 16 * 1024 * 1024
DECODE_FACTOR = 8
"""A line of N bytes may take at most DECODE_FLOOR + DECODE_FACTOR * N bytes once decoded."""
VALUE_COST = 80
"""Most bytes one JSON value takes once parsed (measured: an empty list in a list 34, a one-key
object 67, a distinct key with its value 78)."""
MAX_RANGE = MAX_ITEMS
"""Longest ``range`` decoded (a test may expand it into a list)."""
MAX_COLUMNS = 10_000
MAX_NDIM = 32
HASH_COLLISIONS = 1_000
"""Keys of a set or dict that may share a hash value with another key."""
RAW_KINDS = set("biufcSUmM")
"""NumPy dtype kinds sent as raw bytes (never object, void or structured dtypes)."""


class CodecError(ValueError):
    """A value that cannot be encoded as data, or an encoded value that is malformed."""


class Budget:
    """The bytes that decoding one message may still allocate. Each allocation is charged, with
    an upper estimate, before it is made; one that does not fit refuses the whole message."""

    def __init__(self, nbytes: int):
        self.limit = self.left = int(nbytes)

    @classmethod
    def for_line(cls, size: int) -> Budget:
        return cls(DECODE_FLOOR + DECODE_FACTOR * size)

    def charge(self, nbytes, what: str = "the answer") -> None:
        if nbytes > self.left:
            raise CodecError(
                f"{what} is too large to check: decoding the answer would take more than "
                f"{self.limit // 2**20} MiB in the grader"
            )
        self.left -= nbytes


class Message(dict):
    """A message read by :func:`loads`; ``budget`` is what decoding its values may still take."""

    budget: Budget


def dumps(message) -> bytes:
    # ensure_ascii (the default): every line is ASCII, control characters are escaped as \uXXXX
    return json.dumps(message, separators=(",", ":"), allow_nan=True).encode() + b"\n"


def parse_cost(line: bytes) -> int:
    """An upper bound on the bytes ``json.loads(line)`` takes, counted without parsing: each
    value needs a ``,``, ``:``, ``[`` or ``{`` (or is the only one), and strings take at most twice
    the line (eight times with ``\\u`` escapes, which can widen a whole string to 4 bytes a character)."""
    values = 1 + line.count(b",") + line.count(b":") + line.count(b"[") + line.count(b"{")
    return VALUE_COST * values + len(line) * (8 if b"\\u" in line else 2)


def loads(line: bytes):
    """One message, parsed only if it fits its budget (a :class:`Message` for JSON objects).

    Well-formed JSON that is too large or too deeply nested to read becomes ``{"refused": why}``,
    so the one answer fails and the conversation goes on; malformed JSON raises CodecError."""
    if isinstance(line, str):
        line = line.encode("utf-8", "surrogatepass")
    budget = Budget.for_line(len(line))
    try:
        if len(line) > MAX_LINE:
            raise CodecError(f"it is longer than {MAX_LINE // 2**20} MiB")
        budget.charge(parse_cost(line), "it")
        value = json.loads(line)
    except CodecError as err:
        value = {"refused": str(err)}
    except RecursionError:
        value = {"refused": "it is nested too deeply"}
    except ValueError as err:
        raise CodecError(f"malformed message: {str(err)[:100]}") from None
    if type(value) is dict:
        value = Message(value)
        value.budget = budget
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    if not isinstance(text, str):
        raise CodecError("bytes must be base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _loaded(name: str):
    """A module if it is already imported (so encoding never imports torch or pandas by itself)."""
    return sys.modules.get(name)


def _module_internals() -> frozenset:
    torch = sys.modules["torch"]
    return frozenset(vars(torch.nn.Module()))


class Codec:
    """Encode and decode values; ``to_ref``/``from_ref`` decide what references mean on each side.

    ``to_ref(obj) -> dict`` returns the fields of a ``ref`` for an object that is not data (or raises
    CodecError where references are not allowed); ``from_ref(fields)`` turns one back into an object.
    """

    def __init__(self, to_ref=None, from_ref=None):
        self.to_ref = to_ref
        self.from_ref = from_ref
        self._budget: Budget | None = None

    # ----------------------------------------------------------------------------- encoding
    def encode(self, obj, depth: int = 0):
        if depth > MAX_DEPTH:
            raise CodecError("value nested too deeply")
        kind = type(obj)
        if obj is None or kind in (bool, str):
            return obj
        if kind is int:
            return obj if abs(obj) < 2**63 else {"$": "bigint", "v": str(obj)}
        if kind is float:
            return obj if math.isfinite(obj) else {"$": "float", "v": repr(obj)}
        if obj is Ellipsis:
            return {"$": "ellipsis"}
        if kind is list:
            return [self.encode(x, depth + 1) for x in self._bounded(obj)]
        if kind is tuple:
            return {"$": "tuple", "items": [self.encode(x, depth + 1) for x in self._bounded(obj)]}
        if kind is dict:
            items = [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in self._bounded(obj.items())]
            return {"$": "dict", "items": items}
        if kind in (set, frozenset):
            return {"$": kind.__name__, "items": [self.encode(x, depth + 1) for x in self._bounded(obj)]}
        if kind is complex:
            return {"$": "complex", "re": self.encode(obj.real), "im": self.encode(obj.imag)}
        if kind is bytes:
            return {"$": "bytes", "data": _b64(obj)}
        if kind is range:
            return {"$": "range", "args": [obj.start, obj.stop, obj.step]}
        if kind is slice:
            return {"$": "slice", "args": [self.encode(x, depth + 1) for x in (obj.start, obj.stop, obj.step)]}
        encoded = self._encode_library(obj, depth)
        if encoded is not None:
            return encoded
        if isinstance(obj, types.GeneratorType):
            items = []
            for item in obj:
                if len(items) >= GENERATOR_ITEMS:
                    break
                items.append(self.encode(item, depth + 1))
            return items
        # Subclasses of plain types (IntEnum, OrderedDict, named tuples...) cross as their base type:
        # only the data crosses, never the methods.
        for base in (bool, int, float, str, list, tuple, dict):
            if isinstance(obj, base):
                return self.encode(base(obj), depth)
        return self._ref(obj)

    def _bounded(self, items):
        if hasattr(items, "__len__") and len(items) > MAX_ITEMS:
            raise CodecError(f"container too large ({len(items)} items)")
        return items

    def _ref(self, obj):
        if self.to_ref is None:
            raise CodecError(f"cannot send a {type(obj).__name__} as data")
        return {"$": "ref", **self.to_ref(obj)}

    def _encode_library(self, obj, depth):
        np = _loaded("numpy")
        if np is not None:
            if isinstance(obj, np.ndarray):
                return self._encode_array(np.asarray(obj), depth)
            if isinstance(obj, np.generic):
                if obj.dtype.kind in RAW_KINDS:
                    return {"$": "npscalar", "dtype": obj.dtype.str, "data": _b64(obj.tobytes())}
                return self._ref(obj)
            if isinstance(obj, np.dtype):
                return {"$": "npdtype", "v": obj.str} if obj.kind in RAW_KINDS else {"$": "npdtype", "v": "O"}
        pd = _loaded("pandas")
        if pd is not None:
            if isinstance(obj, pd.DataFrame):
                return {
                    "$": "df",
                    "columns": self.encode(list(obj.columns), depth + 1),
                    "dtypes": [str(d) for d in obj.dtypes],
                    "data": [self.encode(obj.iloc[:, i].to_numpy(), depth + 1) for i in range(obj.shape[1])],
                    "index": self._encode_index(obj.index, depth),
                }
            if isinstance(obj, pd.Series):
                return {
                    "$": "series",
                    "name": self.encode(obj.name, depth + 1),
                    "dtype": str(obj.dtype),
                    "data": self.encode(obj.to_numpy(), depth + 1),
                    "index": self._encode_index(obj.index, depth),
                }
            if isinstance(obj, pd.Index):
                return self._encode_index(obj, depth)
        torch = _loaded("torch")
        if torch is not None:
            if isinstance(obj, torch.Tensor):
                return self._encode_tensor(obj, depth)
            if isinstance(obj, torch.Size):
                return {"$": "tsize", "items": [int(d) for d in obj]}
            if isinstance(obj, torch.dtype):
                return {"$": "tdtype", "v": str(obj).removeprefix("torch.")}
            if isinstance(obj, torch.device):
                return {"$": "tdevice", "v": str(obj)}
            if isinstance(obj, torch.nn.Module):
                try:
                    return self._encode_module(obj, depth)
                except CodecError:
                    return self._ref(obj)
        return None

    def _encode_index(self, index, depth):
        return {
            "$": "pdindex",
            "name": self.encode(index.name, depth + 1),
            "data": self.encode(index.to_numpy(), depth + 1),
        }

    def _encode_array(self, arr, depth):
        if arr.dtype.kind in RAW_KINDS and arr.dtype.fields is None:
            data = arr.astype(arr.dtype.newbyteorder("<") if arr.dtype.byteorder == ">" else arr.dtype, copy=False)
            return {"$": "nd", "dtype": data.dtype.str, "shape": list(arr.shape), "data": _b64(data.tobytes(order="C"))}
        if arr.dtype.kind == "O":
            items = [self.encode(x, depth + 1) for x in self._bounded(arr.reshape(-1).tolist())]
            return {"$": "ndobj", "shape": list(arr.shape), "items": items}
        return self._ref(arr)

    def _encode_tensor(self, tensor, depth):
        torch = sys.modules["torch"]
        t = tensor.detach()
        if t.layout != torch.strided or t.is_quantized:
            return self._ref(tensor)
        dtype = str(t.dtype).removeprefix("torch.")
        t = t.cpu()
        if t.dtype in (torch.bfloat16,) or dtype.startswith("float8"):
            t = t.float()
        try:
            array = t.contiguous().numpy()
        except (TypeError, RuntimeError):
            return self._ref(tensor)
        out = {
            "$": "tensor",
            "dtype": dtype,
            "device": tensor.device.type,
            "array": self._encode_array(array, depth),
            "requires_grad": bool(tensor.requires_grad),
            "param": isinstance(tensor, torch.nn.Parameter),
        }
        grad = tensor.grad if tensor.is_leaf else None
        if grad is not None:
            out["grad"] = self._encode_tensor(grad, depth + 1)
        return out

    def _encode_module(self, module, depth):
        cls = type(module)
        if not cls.__module__.startswith("torch.nn.") or _resolve_nn_class(cls.__module__, cls.__qualname__) is not cls:
            raise CodecError("not a torch.nn class")
        strict = Codec()  # attributes must be plain data: no references inside a rebuilt module
        internals = _module_internals()
        attrs = {}
        for key, value in vars(module).items():
            if key in internals:
                continue
            attrs[key] = strict.encode(value, depth + 1)
        params = {k: (None if p is None else self._encode_tensor(p, depth + 1)) for k, p in module._parameters.items()}
        buffers = {k: (None if b is None else self._encode_tensor(b, depth + 1)) for k, b in module._buffers.items()}
        children = {}
        for key, child in module._modules.items():
            children[key] = None if child is None else self._encode_module(child, depth + 1)
        return {
            "$": "module",
            "module": cls.__module__,
            "cls": cls.__qualname__,
            "training": bool(module.training),
            "attrs": attrs,
            "params": params,
            "buffers": buffers,
            "persistent": sorted(set(module._buffers) - set(module._non_persistent_buffers_set)),
            "modules": children,
        }

    # ----------------------------------------------------------------------------- decoding
    def decode(self, value, budget: Budget | None = None):
        """A message's value as objects. ``budget`` (the message's, from :func:`loads`) bounds what
        decoding allocates; the values of one message share it."""
        outer = self._budget
        self._budget = budget or outer or Budget.for_line(MAX_LINE)
        try:
            return self._decode(value, 0)
        finally:
            self._budget = outer

    def _charge(self, nbytes, what="the answer"):
        self._budget.charge(nbytes, what)

    def _decode(self, value, depth: int):
        _check_depth(depth)
        if value is None or type(value) in (bool, int, float, str):
            return value
        if type(value) is list:
            return self._list(value, depth)
        if type(value) not in (dict, Message):
            raise CodecError(f"unexpected JSON value {type(value).__name__}")
        tag = value.get("$")
        handler = getattr(self, f"_dec_{tag}", None) if isinstance(tag, str) and tag.isidentifier() else None
        if handler is None:
            raise CodecError(f"unknown tag {str(tag)[:40]!r}")
        try:
            return handler(value, depth)
        except CodecError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, RuntimeError, OverflowError) as err:
            raise CodecError(f"malformed {tag}: {type(err).__name__}: {str(err)[:100]}") from None

    def _list(self, items, depth, what="a list"):
        if type(items) is not list:
            raise CodecError("items must be a list")
        self._charge(LIST_COST + 8 * len(items), what)
        return [self._decode(x, depth + 1) for x in items]

    def _items(self, value, depth):
        return self._list(value["items"], depth)

    def _hashed(self, keys: list, what: str) -> list:
        """Keys about to be hashed into a set or dict: charged, and refused if many share a hash."""
        self._charge(HASHED_COST * (len(keys) + 1), what)
        if len(keys) > HASH_COLLISIONS:
            hashes = [hash(k) for k in keys]
            if len(hashes) - len(set(hashes)) > HASH_COLLISIONS:
                raise CodecError(f"{what} has too many keys with equal hash values")
        return keys

    def _dec_bigint(self, v, d):
        text = str(v["v"])
        self._charge(64 + len(text), "a big integer")
        return int(text)

    def _dec_float(self, v, d):
        if v["v"] not in ("nan", "inf", "-inf"):
            raise CodecError("bad float")
        return float(v["v"])

    def _dec_ellipsis(self, v, d):
        return ...

    def _dec_tuple(self, v, d):
        items = self._items(v, d)
        self._charge(LIST_COST + 8 * len(items), "a tuple")
        return tuple(items)

    def _dec_set(self, v, d):
        return set(self._hashed(self._items(v, d), "a set"))

    def _dec_frozenset(self, v, d):
        return frozenset(self._hashed(self._items(v, d), "a set"))

    def _dec_dict(self, v, d):
        pairs = v["items"]
        if type(pairs) is not list or not all(type(p) is list and len(p) == 2 for p in pairs):
            raise CodecError("dict items must be [key, value] pairs")
        self._charge(2 * (LIST_COST + 8 * len(pairs)), "a dict")
        keys = self._hashed([self._decode(k, d + 1) for k, _ in pairs], "a dict")
        return dict(zip(keys, [self._decode(x, d + 1) for _, x in pairs], strict=True))

    def _dec_complex(self, v, d):
        return complex(float(self._decode(v["re"], d + 1)), float(self._decode(v["im"], d + 1)))

    def _dec_bytes(self, v, d):
        text = _b64_text(v["data"])
        self._charge(64 + 2 * len(text), "bytes")
        return _unb64(text)

    def _dec_range(self, v, d):
        args = v["args"]
        if type(args) is not list or not 1 <= len(args) <= 3 or not all(type(a) is int for a in args):
            raise CodecError("range bounds must be integers")
        value = range(*args)
        try:
            size = len(value)
        except OverflowError:
            size = MAX_RANGE + 1
        if size > MAX_RANGE:
            raise CodecError(
                f"{_short(value)} has {size:,} numbers, more than the grader expands (at most {MAX_RANGE:,}): "
                "a test would have to build the whole list"
            )
        return value

    def _dec_slice(self, v, d):
        args = [self._decode(x, d + 1) for x in v["args"][:3]]
        if not all(a is None or type(a) is int for a in args):
            raise CodecError("slice bounds must be integers")
        return slice(*args)

    def _dec_ref(self, v, d):
        if self.from_ref is None:
            raise CodecError("references are not allowed here")
        self._charge(PANDAS_COST if v.get("kind") == "class" else 256, "a reference")
        return self.from_ref(v)

    def _dec_npdtype(self, v, d):
        np = importlib.import_module("numpy")
        if v["v"] == "O":
            return np.dtype(object)
        return _safe_dtype(np, v["v"])

    def _dec_nd(self, v, d):
        _check_depth(d)
        np = importlib.import_module("numpy")
        dtype = _safe_dtype(np, v["dtype"])
        shape = _shape(v["shape"])
        text = _b64_text(v["data"])
        nbytes = math.prod(shape) * dtype.itemsize
        if _b64_size(text) != nbytes:
            raise CodecError("array bytes do not match its shape")
        self._charge(ARRAY_COST + len(text) + 2 * nbytes, "an array")
        data = _unb64(text)
        if len(data) != nbytes:
            raise CodecError("array bytes do not match its shape")
        return np.frombuffer(data, dtype=dtype).reshape(shape).copy()

    def _dec_ndobj(self, v, d):
        np = importlib.import_module("numpy")
        shape = _shape(v["shape"])
        if type(v["items"]) is not list or len(v["items"]) != math.prod(shape):
            raise CodecError("object array items do not match its shape")
        self._charge(ARRAY_COST + 8 * len(v["items"]), "an object array")
        items = self._items(v, d)
        arr = np.empty(len(items), dtype=object)
        for i, item in enumerate(items):
            arr[i] = item
        return arr.reshape(shape)

    def _dec_npscalar(self, v, d):
        np = importlib.import_module("numpy")
        dtype = _safe_dtype(np, v["dtype"])
        text = _b64_text(v["data"])
        if _b64_size(text) != dtype.itemsize:
            raise CodecError("scalar bytes do not match its dtype")
        self._charge(ARRAY_COST + len(text), "a number")
        data = _unb64(text)
        if len(data) != dtype.itemsize:
            raise CodecError("scalar bytes do not match its dtype")
        return np.frombuffer(data, dtype=dtype)[0]

    def _dec_pdindex(self, v, d):
        pd = importlib.import_module("pandas")
        data = self._column(self._decode(v["data"], d + 1), None)
        self._charge(PANDAS_COST + 2 * _nbytes(data), "an index")
        return pd.Index(data, name=_hashable(self._decode(v["name"], d + 1)))

    def _dec_series(self, v, d):
        pd = importlib.import_module("pandas")
        index = self._index(self._decode(v["index"], d + 1))
        data = self._column(self._decode(v["data"], d + 1), len(index))
        self._charge(PANDAS_COST + _nbytes(data), "a series")
        series = pd.Series(data, index=index)
        series.name = _hashable(self._decode(v["name"], d + 1))
        return self._astype(series, v.get("dtype"))

    def _dec_df(self, v, d):
        pd = importlib.import_module("pandas")
        encoded = v["data"]
        if type(encoded) is not list or len(encoded) > MAX_COLUMNS:
            raise CodecError(f"a data frame may have at most {MAX_COLUMNS:,} columns")
        self._charge(PANDAS_COST * (len(encoded) + 1), "a data frame")
        columns = self._decode(v["columns"], d + 1)
        index = self._index(self._decode(v["index"], d + 1))
        data = [self._column(self._decode(x, d + 1), len(index)) for x in encoded]
        dtypes = v.get("dtypes") or [None] * len(data)
        if not (type(columns) is list and type(dtypes) is list and len(columns) == len(data) == len(dtypes)):
            raise CodecError("data frame columns do not match")
        self._charge(2 * sum(_nbytes(col) for col in data), "a data frame")  # its columns, then its blocks
        pairs = enumerate(zip(data, dtypes, strict=True))
        frame = pd.DataFrame({i: self._astype(pd.Series(col, index=index), dt) for i, (col, dt) in pairs})
        if not data:
            frame = pd.DataFrame(index=index)
        frame.columns = [_hashable(c) for c in columns]
        return frame

    def _index(self, index):
        pd = sys.modules["pandas"]
        if not isinstance(index, pd.Index):
            raise CodecError("a pandas index is expected")
        return index

    def _column(self, data, length):
        """The data of an index, series or column: an array or list (never a scalar that pandas
        would repeat along the index), of the index's length."""
        np = sys.modules["numpy"]
        if not isinstance(data, (list, np.ndarray)) or (isinstance(data, np.ndarray) and data.ndim != 1):
            raise CodecError("pandas data must be a one-dimensional array or list")
        if length is not None and len(data) != length:
            raise CodecError("pandas data and its index differ in length")
        return data

    def _astype(self, series, dtype):
        """Restore a pandas dtype by name where pandas accepts it (names only: never code), charged
        at the size of the new column before it is made."""
        if not dtype or not isinstance(dtype, str) or len(dtype) > 40 or str(series.dtype) == dtype:
            return series
        self._charge(PANDAS_COST + len(series) * _item_cost(dtype), "a column")
        try:
            return series.astype(dtype)
        except (TypeError, ValueError, ImportError):
            return series

    def _dec_tsize(self, v, d):
        torch = importlib.import_module("torch")
        items = v["items"]
        if type(items) is not list or len(items) > MAX_NDIM or not all(type(x) is int for x in items):
            raise CodecError("a torch.Size is a short list of integers")
        return torch.Size(items)

    def _dec_tdtype(self, v, d):
        return _torch_dtype(v["v"])

    def _dec_tdevice(self, v, d):
        torch = importlib.import_module("torch")
        return torch.device(str(v["v"])[:40])

    def _dec_tensor(self, v, d):
        _check_depth(d)
        torch = importlib.import_module("torch")
        dtype = _torch_dtype(v["dtype"])
        data_dtype = _safe_dtype(importlib.import_module("numpy"), v["array"]["dtype"])
        if dtype.itemsize > data_dtype.itemsize:
            raise CodecError(f"a {v['dtype']} tensor cannot be made from {data_dtype} data (it would grow)")
        array = self._dec_nd(v["array"], d + 1)
        self._charge(ARRAY_COST + array.size * dtype.itemsize, "a tensor")
        tensor = torch.from_numpy(array).to(dtype)
        if v.get("device") == "cuda" and torch.cuda.is_available():
            tensor = tensor.to("cuda")
        grad_ok = tensor.is_floating_point() or tensor.is_complex()
        if v.get("param"):
            tensor = torch.nn.Parameter(tensor, requires_grad=bool(v.get("requires_grad")) and grad_ok)
        elif v.get("requires_grad") and grad_ok:
            tensor.requires_grad_(True)
        if v.get("grad") is not None and tensor.requires_grad:
            grad = self._dec_tensor(v["grad"], d + 1)
            if grad.shape == tensor.shape and grad.dtype == tensor.dtype:
                tensor.grad = grad.detach()
        return tensor

    def _dec_module(self, v, d):
        _check_depth(d)
        torch = importlib.import_module("torch")
        cls = _resolve_nn_class(v["module"], v["cls"])
        if cls is None:
            raise CodecError(f"refusing to rebuild {str(v['module'])[:60]}.{str(v['cls'])[:60]}: not a torch.nn class")
        parts = [v[key] for key in ("attrs", "params", "buffers", "modules")]
        if not all(type(part) is dict for part in parts):
            raise CodecError("module parts must be JSON objects")
        self._charge(MODULE_COST + 8 * sum(len(part) for part in parts), "a module")
        module = cls.__new__(cls)
        torch.nn.Module.__init__(module)
        strict = Codec()  # attributes are plain data: no references inside a rebuilt module
        strict._budget = self._budget
        internals = _module_internals()
        for key, value in v["attrs"].items():
            if key in internals or not isinstance(key, str):
                raise CodecError(f"bad module attribute {key[:60]!r}")
            module.__dict__[key] = strict._decode(value, d + 1)
        module.training = bool(v["training"])
        for key, p in v["params"].items():
            module._parameters[str(key)] = None if p is None else self._as_param(self._dec_tensor(p, d + 1))
        persistent = set(v.get("persistent", v["buffers"]))
        for key, b in v["buffers"].items():
            module._buffers[str(key)] = None if b is None else self._dec_tensor(b, d + 1)
            if key not in persistent:
                module._non_persistent_buffers_set.add(str(key))
        for key, child in v["modules"].items():
            module._modules[str(key)] = None if child is None else self._dec_module(child, d + 1)
        return module

    @staticmethod
    def _as_param(tensor):
        torch = sys.modules["torch"]
        if isinstance(tensor, torch.nn.Parameter):
            return tensor
        return torch.nn.Parameter(tensor.detach(), requires_grad=tensor.requires_grad)


LIST_COST = 64
HASHED_COST = 256
"""Bytes per key of a set or dict being built: the table (up to ~105 for a set), the table it
grows from, and the hash check."""
ARRAY_COST = 128
PANDAS_COST = 4096
MODULE_COST = 8192


def _check_depth(depth: int) -> None:
    if depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")


def _shape(value) -> tuple:
    if type(value) is not list or len(value) > MAX_NDIM or not all(type(s) is int and s >= 0 for s in value):
        raise CodecError(f"a shape is a list of at most {MAX_NDIM} non-negative integers")
    return tuple(value)


def _b64_text(text) -> str:
    if not isinstance(text, str):
        raise CodecError("bytes must be base64 text")
    return text


def _b64_size(text: str) -> int:
    """The number of bytes base64 ``text`` decodes to (-1 if its length is not a multiple of 4)."""
    if len(text) % 4:
        return -1
    return len(text) // 4 * 3 - (2 if text.endswith("==") else 1 if text.endswith("=") else 0)


def _nbytes(data) -> int:
    """Bytes a pandas object may copy from this data (object arrays: a pointer per item)."""
    np = sys.modules["numpy"]
    if isinstance(data, np.ndarray):
        return data.size * (8 if data.dtype.hasobject else data.dtype.itemsize)
    return 8 * len(data)


def _item_cost(dtype: str) -> int:
    """Bytes per element of a pandas column of this dtype: its item size (plus a mask byte for
    pandas' nullable types), or 64 for objects and names NumPy does not know (e.g. ``string``)."""
    np = sys.modules["numpy"]
    try:
        parsed = np.dtype(dtype)
    except TypeError:
        return 64
    return 64 if parsed.hasobject else parsed.itemsize + 1


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _safe_dtype(np, text):
    if not isinstance(text, str) or len(text) > 16:
        raise CodecError("bad dtype")
    dtype = np.dtype(text)
    if dtype.kind not in RAW_KINDS or dtype.hasobject or dtype.fields is not None or dtype.itemsize == 0:
        raise CodecError(f"dtype {text!r} is not plain data")
    return dtype


def _torch_dtype(name):
    torch = importlib.import_module("torch")
    dtype = getattr(torch, str(name), None) if str(name).isidentifier() else None
    if not isinstance(dtype, torch.dtype):
        raise CodecError(f"unknown torch dtype {name!r}")
    return dtype


def _resolve_nn_class(module_name, qualname):
    """The ``torch.nn`` class with this name, or None (only classes defined under ``torch.nn.``)."""
    if not isinstance(module_name, str) or not isinstance(qualname, str) or not module_name.startswith("torch.nn."):
        return None
    if not all(part.isidentifier() for part in module_name.split(".") + qualname.split(".")):
        return None
    try:
        obj = importlib.import_module(module_name)
    except ImportError:
        return None
    for part in qualname.split("."):
        obj = getattr(obj, part, None)
    torch = sys.modules["torch"]
    ok = isinstance(obj, type) and issubclass(obj, torch.nn.Module) and obj.__module__ == module_name
    return obj if ok else None


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return str(value)
    return value
