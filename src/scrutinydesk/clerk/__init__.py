"""The clerk's desk: meetings, agendas, minutes, undertakings and the agenda pack."""
