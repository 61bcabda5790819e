import en from './en.json';
import enActivities from './en/activities.json';
import enActors from './en/actors.json';
import enAreas from './en/areas.json';
import enCheckIns from './en/checkIns.json';
import enDirectory from './en/directory.json';
import enExchange from './en/exchange.json';
import enFunding from './en/funding.json';
import enMap from './en/map.json';
import enNetwork from './en/network.json';
import enNotifications from './en/notifications.json';
import enObstacles from './en/obstacles.json';
import enSupport from './en/support.json';
import enSurveys from './en/surveys.json';
import enSignals from './en/signals.json';
import enAlliances from './en/alliances.json';
import enResearch from './en/research.json';
import enResearchAnalysis from './en/researchAnalysis.json';
import nl from './nl.json';
import nlActivities from './nl/activities.json';
import nlActors from './nl/actors.json';
import nlAreas from './nl/areas.json';
import nlCheckIns from './nl/checkIns.json';
import nlDirectory from './nl/directory.json';
import nlExchange from './nl/exchange.json';
import nlFunding from './nl/funding.json';
import nlMap from './nl/map.json';
import nlNetwork from './nl/network.json';
import nlNotifications from './nl/notifications.json';
import nlObstacles from './nl/obstacles.json';
import nlSupport from './nl/support.json';
import nlSurveys from './nl/surveys.json';
import nlSignals from './nl/signals.json';
import nlAlliances from './nl/alliances.json';
import nlResearch from './nl/research.json';
import nlResearchAnalysis from './nl/researchAnalysis.json';

/**
 * The Dutch source catalogue: the shared keys of nl.json plus one file per feature (nl/<feature>.json,
 * keys `<feature>.…`), so features own their texts.
 */
export const nlCatalogue = {
  ...nl,
  directory: nlDirectory,
  actors: nlActors,
  activities: nlActivities,
  map: nlMap,
  areas: nlAreas,
  exchange: nlExchange,
  obstacles: nlObstacles,
  support: nlSupport,
  funding: nlFunding,
  checkIns: nlCheckIns,
  notifications: nlNotifications,
  network: nlNetwork,
  surveys: nlSurveys,
  signals: nlSignals,
  alliances: nlAlliances,
  research: nlResearch,
  researchAnalysis: nlResearchAnalysis,
};

// Compile-time check that the English catalogue has every key of the Dutch source.
export const enCatalogue: typeof nlCatalogue = {
  ...en,
  directory: enDirectory,
  actors: enActors,
  activities: enActivities,
  map: enMap,
  areas: enAreas,
  exchange: enExchange,
  obstacles: enObstacles,
  support: enSupport,
  funding: enFunding,
  checkIns: enCheckIns,
  notifications: enNotifications,
  network: enNetwork,
  surveys: enSurveys,
  signals: enSignals,
  alliances: enAlliances,
  research: enResearch,
  researchAnalysis: enResearchAnalysis,
};
