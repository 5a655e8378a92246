"""Geography shared by every module: great-circle distance, and the one table of place kinds."""
import math

_RAD = math.pi / 180
EARTH_DIAMETER_KM = 12742


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in kilometres."""
    p = _RAD
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + \
        math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(h)))
