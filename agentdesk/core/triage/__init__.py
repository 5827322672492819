"""Triage: spam scores, topic groups, relevance and storm alarms, all local and explainable.

The facade is :class:`agentdesk.core.triage.triage.Triage`; the other modules each hold one
signal so that each can be tested and tuned on its own.
"""
