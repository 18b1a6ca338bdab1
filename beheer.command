#!/bin/bash
# Raadsarchief: dubbelklik dit bestand (macOS) om het beheerscherm te starten.
# Het venster dat opengaat moet open blijven zolang u werkt; sluit het om te stoppen.

# Finder starts a script in the home folder: work in the project this file is in.
cd "$(dirname "$0")" || exit 1

# Finder gives a short PATH; the Node.js installer and Homebrew put npm here.
export PATH="$PATH:/usr/local/bin:/opt/homebrew/bin"

if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js (npm) is niet gevonden op deze computer."
  echo "Vraag de webmaster om Node.js te installeren (zie README, 'Het beheerscherm installeren')."
  read -r -p "Druk op Enter om dit venster te sluiten."
  exit 1
fi

if [ ! -d node_modules ]; then
  echo "Eerste keer: de onderdelen worden geïnstalleerd (npm ci). Dat duurt een paar minuten."
  npm ci || { read -r -p "Installeren mislukte. Druk op Enter om dit venster te sluiten."; exit 1; }
fi

npm run beheer
code=$?
if [ "$code" -ne 0 ]; then
  read -r -p "Het beheerscherm is gestopt met een fout (zie hierboven). Druk op Enter om dit venster te sluiten."
fi
exit "$code"
