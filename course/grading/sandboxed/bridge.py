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
values are refused (inserting them would take quadratic time). This file is also copied into the sandbox and imported by the worker, so it
imports nothing from the ``course`` package and imports NumPy, pandas and torch only when a value
needs them.
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
                f"{what} is too large to check: decoding this answer would take more than "
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
    """One message, parsed only if it fits its budget (a :class:`Message` for JSON objects)."""
    if isinstance(line, str):
        line = line.encode("utf-8", "surrogatepass")
    if len(line) > MAX_LINE:
        raise CodecError(f"the message is longer than {MAX_LINE // 2**20} MiB")
    budget = Budget.for_line(len(line))
    budget.charge(parse_cost(line), "the message")
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as err:
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
    def decode(self, value, depth: int = 0):
        if depth > MAX_DEPTH:
            raise CodecError("value nested too deeply")
        if value is None or type(value) in (bool, int, float, str):
            return value
        if type(value) is list:
            return [self.decode(x, depth + 1) for x in value]
        if type(value) is not dict:
            raise CodecError(f"unexpected JSON value {type(value).__name__}")
        tag = value.get("$")
        handler = getattr(self, f"_dec_{tag}", None) if isinstance(tag, str) and tag.isidentifier() else None
        if handler is None:
            raise CodecError(f"unknown tag {tag!r}")
        try:
            return handler(value, depth)
        except CodecError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, RuntimeError, OverflowError) as err:
            raise CodecError(f"malformed {tag}: {type(err).__name__}: {str(err)[:100]}") from None

    def _items(self, value, depth):
        items = value["items"]
        if type(items) is not list:
            raise CodecError("items must be a list")
        return [self.decode(x, depth + 1) for x in items]

    def _dec_bigint(self, v, d):
        return int(str(v["v"]))

    def _dec_float(self, v, d):
        if v["v"] not in ("nan", "inf", "-inf"):
            raise CodecError("bad float")
        return float(v["v"])

    def _dec_ellipsis(self, v, d):
        return ...

    def _dec_tuple(self, v, d):
        return tuple(self._items(v, d))

    def _dec_set(self, v, d):
        return set(self._items(v, d))

    def _dec_frozenset(self, v, d):
        return frozenset(self._items(v, d))

    def _dec_dict(self, v, d):
        return {self.decode(k, d + 1): self.decode(x, d + 1) for k, x in v["items"]}

    def _dec_complex(self, v, d):
        return complex(float(self.decode(v["re"], d + 1)), float(self.decode(v["im"], d + 1)))

    def _dec_bytes(self, v, d):
        return _unb64(v["data"])

    def _dec_range(self, v, d):
        return range(*[int(x) for x in v["args"]])

    def _dec_slice(self, v, d):
        args = [self.decode(x, d + 1) for x in v["args"]]
        if not all(a is None or type(a) is int for a in args):
            raise CodecError("slice bounds must be integers")
        return slice(*args)

    def _dec_ref(self, v, d):
        if self.from_ref is None:
            raise CodecError("references are not allowed here")
        return self.from_ref(v)

    def _dec_npdtype(self, v, d):
        np = importlib.import_module("numpy")
        if v["v"] == "O":
            return np.dtype(object)
        return _safe_dtype(np, v["v"])

    def _dec_nd(self, v, d):
        np = importlib.import_module("numpy")
        dtype = _safe_dtype(np, v["dtype"])
        shape = tuple(int(s) for s in v["shape"])
        if any(s < 0 for s in shape):
            raise CodecError("negative dimension")
        data = _unb64(v["data"])
        if len(data) != math.prod(shape) * dtype.itemsize:
            raise CodecError("array bytes do not match its shape")
        return np.frombuffer(data, dtype=dtype).reshape(shape).copy()

    def _dec_ndobj(self, v, d):
        np = importlib.import_module("numpy")
        shape = tuple(int(s) for s in v["shape"])
        items = self._items(v, d)
        if len(items) != math.prod(shape):
            raise CodecError("object array items do not match its shape")
        arr = np.empty(len(items), dtype=object)
        for i, item in enumerate(items):
            arr[i] = item
        return arr.reshape(shape)

    def _dec_npscalar(self, v, d):
        np = importlib.import_module("numpy")
        dtype = _safe_dtype(np, v["dtype"])
        data = _unb64(v["data"])
        if len(data) != dtype.itemsize:
            raise CodecError("scalar bytes do not match its dtype")
        return np.frombuffer(data, dtype=dtype)[0]

    def _dec_pdindex(self, v, d):
        pd = importlib.import_module("pandas")
        return pd.Index(self.decode(v["data"], d + 1), name=_hashable(self.decode(v["name"], d + 1)))

    def _dec_series(self, v, d):
        pd = importlib.import_module("pandas")
        series = pd.Series(self.decode(v["data"], d + 1), index=self.decode(v["index"], d + 1))
        series.name = _hashable(self.decode(v["name"], d + 1))
        return _astype(series, v.get("dtype"))

    def _dec_df(self, v, d):
        pd = importlib.import_module("pandas")
        columns = self.decode(v["columns"], d + 1)
        data = [self.decode(x, d + 1) for x in v["data"]]
        dtypes = v.get("dtypes") or [None] * len(data)
        if not (len(columns) == len(data) == len(dtypes)):
            raise CodecError("data frame columns do not match")
        index = self.decode(v["index"], d + 1)
        frame = pd.DataFrame(
            {i: _astype(pd.Series(col, index=index), dt) for i, (col, dt) in enumerate(zip(data, dtypes, strict=True))}
        )
        if not data:
            frame = pd.DataFrame(index=index)
        frame.columns = [_hashable(c) for c in columns]
        return frame

    def _dec_tsize(self, v, d):
        torch = importlib.import_module("torch")
        return torch.Size([int(x) for x in v["items"]])

    def _dec_tdtype(self, v, d):
        return _torch_dtype(v["v"])

    def _dec_tdevice(self, v, d):
        torch = importlib.import_module("torch")
        return torch.device(str(v["v"]))

    def _dec_tensor(self, v, d):
        torch = importlib.import_module("torch")
        array = self._dec_nd(v["array"], d + 1)
        dtype = _torch_dtype(v["dtype"])
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
        torch = importlib.import_module("torch")
        cls = _resolve_nn_class(v["module"], v["cls"])
        if cls is None:
            raise CodecError(f"refusing to rebuild {v['module']}.{v['cls']}: not a torch.nn class")
        module = cls.__new__(cls)
        torch.nn.Module.__init__(module)
        strict = Codec()
        internals = _module_internals()
        for key, value in v["attrs"].items():
            if key in internals or not isinstance(key, str):
                raise CodecError(f"bad module attribute {key!r}")
            module.__dict__[key] = strict.decode(value, d + 1)
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


def _safe_dtype(np, text):
    if not isinstance(text, str) or len(text) > 16:
        raise CodecError("bad dtype")
    dtype = np.dtype(text)
    if dtype.kind not in RAW_KINDS or dtype.hasobject or dtype.fields is not None:
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


def _astype(series, dtype):
    """Restore a pandas dtype by name where pandas accepts it (names only: never code)."""
    if not dtype or str(series.dtype) == dtype or not isinstance(dtype, str) or len(dtype) > 40:
        return series
    try:
        return series.astype(dtype)
    except (TypeError, ValueError, ImportError):
        return series
