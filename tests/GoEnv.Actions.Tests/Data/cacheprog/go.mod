module example.com/cacheprog

go 1.24
