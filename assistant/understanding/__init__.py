"""Reading a message: small talk, instructions to drop, follow-ups made standalone
(`conversation`), spelling fixed toward the articles' words (`spelling`), and what the question
asks (`question.analyze`: cleaned text, focus, question type, search words)."""
