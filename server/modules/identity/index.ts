// Worker identity: who a track probably is. Today, face matching against enrolled embeddings.
export { FACE_MATCH_DEFAULTS, matchFace, type EnrolledFace, type FaceMatchOptions } from './domain/face-match.js';
