#!/usr/bin/env bash
# kiosk-walk.sh — prints a replay script (kiosk/platform/replay.h) that walks every kiosk screen
# of the demo school at one size, marking each screen with "@ NAME". Callers turn the marks into
# what they need: scripts/contact-sheet.sh into "shot NAME", the layout matrix test
# (tests/ui/test_layout_matrix.sh) into "expect-layout-clean".
#
# Usage: kiosk-walk.sh WIDTH HEIGHT STUDENT GOAL_WORDS [STAFF]
#   STUDENT      SIS id of a student with a kiosk goal and a current unit (E8003: Layla, 8th grade ELA)
#   GOAL_WORDS   words of one of the student's goals (tapped to open it)
#   STAFF        staff code with a badge (default T-OKAFOR)
# The screens, in order: scan, unknown-badge, welcome, goals, goal (top and end), self-check
# (rating, what got in the way, the keyboard, what next, saved), next step (4 questions and the
# plan), learning targets (list and a target), done, timeout warning, teacher menu, its
# "Close the kiosk?" question, who signed in today, cool-down after five unknown scans.
set -euo pipefail
w=$1 h=$2 sis=$3 goal=$4 staff=${5:-T-OKAFOR}
cat <<SCRIPT
size $w $h
now 2026-11-23T09:00:00
expect-screen scan
@ scan
scan NOT-A-BADGE-0000
expect-screen unknown-badge
@ unknown-badge
wait 6000
scan-student $sis
expect-screen welcome
@ welcome
wait 1500
expect-screen goals
@ goals
tap-text "$goal"
expect-screen goal
@ goal
key end
@ goal-end
key home
tap-text "How did it go?"
expect-screen self-check
@ self-check-rate
tap-text "Getting there"
@ self-check-2
tap-text "Type my own"
expect-screen type-answer
@ keyboard
key escape
tap-text "Next"
@ self-check-next
tap-text "Save"
expect-screen saving
@ saved
wait 1500
expect-screen goal
tap-text "Set my next step"
expect-screen next-step
@ next-step-1
tap-text "Skip"
@ next-step-2
tap-text "Skip"
@ next-step-3
tap-text "Skip"
@ next-step-4
tap-text "Skip"
@ next-step-plan
key escape
key escape
key escape
key escape
key escape
expect-screen goal
tap-text "Back"
expect-screen goals
tap-text "My learning targets"
expect-screen mastery
@ targets
tap-target 0
expect-screen mastery-target
@ target-rate
key escape
key escape
tap-text "I'm done"
expect-screen done
@ done
scan-student $sis
wait 1500
wait 50000
expect-screen timeout-warning
@ timeout-warning
wait 11000
expect-screen scan
scan-staff $staff
expect-screen teacher
@ teacher
tap-text "Exit kiosk"
@ teacher-confirm-exit
tap-text "Keep the kiosk open"
tap-text "Who signed in today"
expect-screen teacher-today
@ teacher-today
key escape
tap-text "Back to scan screen"
expect-screen scan
scan NOT-A-BADGE-0001
scan NOT-A-BADGE-0002
scan NOT-A-BADGE-0003
scan NOT-A-BADGE-0004
scan NOT-A-BADGE-0005
expect-screen cooldown
@ cooldown
SCRIPT
