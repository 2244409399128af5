import JobtrackCLI

Jobtrack.runAndExit()
