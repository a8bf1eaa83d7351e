"""Sales reports: funnel, forecast, won and lost, win rate, sales, targets; tables and charts."""
