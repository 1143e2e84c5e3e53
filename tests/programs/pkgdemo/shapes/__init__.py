from ..consts import SCALE as BASE_SCALE
