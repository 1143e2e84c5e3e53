print(-"text")
