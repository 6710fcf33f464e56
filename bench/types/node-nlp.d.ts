// Minimal typing of the parts of node-nlp (NLP.js v4) that bench/nlu.ts uses; the
// package ships no declarations.
declare module "node-nlp" {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpProcessResult {
    intent: string;
    score: number;
    classifications?: NlpClassification[];
  }
  export interface NlpManagerSettings {
    languages?: string[];
    autoSave?: boolean;
    modelFileName?: string;
    forceNER?: boolean;
    nlu?: { log?: boolean };
  }
  export class NlpManager {
    constructor(settings?: NlpManagerSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpProcessResult>;
  }
}
