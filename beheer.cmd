@echo off
rem Raadsarchief: dubbelklik dit bestand (Windows) om het beheerscherm te starten.
rem Het venster dat opengaat moet open blijven zolang u werkt; sluit het om te stoppen.

rem Explorer may start a script elsewhere: work in the project this file is in.
cd /d "%~dp0"

where npm >nul 2>nul
if errorlevel 1 (
  echo Node.js ^(npm^) is niet gevonden op deze computer.
  echo Vraag de webmaster om Node.js te installeren ^(zie README, Het beheerscherm installeren^).
  pause
  exit /b 1
)

if not exist node_modules (
  echo Eerste keer: de onderdelen worden geinstalleerd ^(npm ci^). Dat duurt een paar minuten.
  call npm ci
  if errorlevel 1 (
    pause
    exit /b 1
  )
)

call npm run beheer
if errorlevel 1 pause
