"""Team reports for the supervisor's charts: response times, SLA attainment and volume.

Pure: plain facts per customer request go in (see :class:`RequestFact`), numbers come out; the
store reads the facts and the UI draws the numbers.
"""

from agentdesk.core.reports.attainment import Attainment, AttainmentBy, attainment
from agentdesk.core.reports.facts import DateRange, RequestFact, TimedRequest, timed
from agentdesk.core.reports.report import TeamReport, team_report
from agentdesk.core.reports.response_times import BUCKETS, Bucket, Histogram, response_histogram
from agentdesk.core.reports.tables import attainment_table, histogram_table, volume_table
from agentdesk.core.reports.volume import WeekHours, weekly_volume

__all__ = [
    "BUCKETS",
    "Attainment",
    "AttainmentBy",
    "Bucket",
    "DateRange",
    "Histogram",
    "RequestFact",
    "TeamReport",
    "TimedRequest",
    "WeekHours",
    "attainment",
    "attainment_table",
    "histogram_table",
    "response_histogram",
    "team_report",
    "timed",
    "volume_table",
    "weekly_volume",
]
