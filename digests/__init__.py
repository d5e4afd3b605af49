"""Weekly digests: assembled from the record (assemble), summarized (summarize, llm_summary), grounded (grounding).

Imports storage only (and openai, in llm_summary): wording for chat lives in bot/digest_reply.py.
"""
