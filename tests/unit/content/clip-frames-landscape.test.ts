import { renderedFrameTests } from './clip-frames';

renderedFrameTests('landscape');
