/** Names for the demo's people and startups: common French given names and surnames from every region. */

export const FIRST_NAMES: readonly string[] = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Julie', 'Clara', 'Émilie', 'Hélène', 'Claire',
  'Sophie', 'Nathalie', 'Isabelle', 'Céline', 'Aurélie', 'Maëlle', 'Nolwenn', 'Anaïs', 'Margaux', 'Laure',
  'Élodie', 'Marion', 'Juliette', 'Solène', 'Agathe', 'Mathilde', 'Pauline', 'Amandine', 'Lucie', 'Yasmine',
  'Fatima', 'Anne', 'Sandrine', 'Véronique', 'Gaëlle', 'Armelle', 'Bérénice', 'Delphine', 'Florence',
  'Thomas', 'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Pierre', 'Alexandre', 'Guillaume', 'Romain',
  'Mathieu', 'Sébastien', 'Olivier', 'Laurent', 'François', 'Philippe', 'Jérôme', 'Vincent', 'Benoît',
  'Yann', 'Erwan', 'Gwénaël', 'Loïc', 'Ronan', 'Tanguy', 'Hugo', 'Lucas', 'Théo', 'Karim', 'Mehdi',
  'Samir', 'Rémi', 'Cédric', 'Frédéric', 'Arnaud', 'Bastien', 'Damien', 'Fabien', 'Grégoire', 'Hervé',
  'Jean-Marc', 'Jean-Luc', 'Marc', 'Xavier', 'Thibault', 'Quentin', 'Adrien', 'Clément', 'Étienne',
];

export const LAST_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
  'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin',
  'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson',
  'Le Gall', 'Le Goff', 'Le Bihan', 'Le Roux', 'Kerbrat', 'Tanguy', 'Quéméner', 'Guivarc’h', 'Le Floch',
  'Caradec', 'Jaouen', 'Riou', 'Pelletier', 'Delattre', 'Lemaire', 'Dhersin', 'Vandenberghe', 'Dewulf',
  'Courtois', 'Decaestecker', 'Fabre', 'Castan', 'Bousquet', 'Cabanel', 'Vidal', 'Marty', 'Rouquette',
  'Teissier', 'Chabert', 'Granier', 'Bonnefoy', 'Gonnet', 'Vial', 'Fayolle', 'Chazot', 'Berthet',
  'Benali', 'Haddad', 'Nguyen', 'Tran', 'Rahmani', 'Ferreira', 'Da Silva', 'Kowalski', 'Rossi', 'Schmitt',
  'Weber', 'Brunet', 'Barbier', 'Arnaud', 'Giraud', 'Aubert', 'Collin', 'Renaud', 'Picard', 'Caron',
];

/** Grades of the staff: the academic corps of the institution and research engineers. */
export const RESEARCHER_TITLES: readonly (readonly [string, number])[] = [
  ['Professeur', 3],
  ['Maître de conférences', 5],
  ['Maître-assistant', 2],
  ['Directeur d’études', 1],
  ['Ingénieur de recherche', 2],
  ['Chargé de recherche', 1],
];

/** Syllables for invented startup names (a likeness to a real company is unintended). */
export const STARTUP_HEADS: readonly string[] = [
  'Kerv', 'Nyx', 'Alto', 'Lumi', 'Tessel', 'Hydr', 'Quant', 'Orph', 'Sylv', 'Neri', 'Zephy', 'Calyx', 'Mira',
  'Terr', 'Voxa', 'Solen', 'Oxal', 'Aeri', 'Brev', 'Cori', 'Delt', 'Elya', 'Fenn', 'Gall', 'Helio', 'Iroc',
  'Jaspe', 'Kalm', 'Limn', 'Morv', 'Nova', 'Obsi', 'Pell', 'Rhiz', 'Skal', 'Thal', 'Ulmi', 'Vesp', 'Wyl',
];
export const STARTUP_TAILS: readonly string[] = [
  'ia', 'ora', 'yx', 'eo', 'ium', 'ena', 'ix', 'alis', 'aria', 'ova', 'tek', 'ance', 'is', 'ane', 'ys',
  'elle', 'ody', 'umen', 'iq', 'ose', 'arc', 'ime', 'ope', 'ynth',
];
export const STARTUP_SUFFIXES: readonly string[] = ['', '', '', ' Labs', ' Systems', ' Technologies', ' Bio', ' Robotics', ' Analytics', ' Énergie', ' Santé', ' Matériaux'];

/** ASCII, lower case, words joined by hyphens: the part of an e-mail address a name gives. */
export function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
