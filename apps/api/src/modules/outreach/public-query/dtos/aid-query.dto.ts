import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { says } from '../../../../engine/errors/body-errors';
import { AID_QUERY_MESSAGES } from '../aid-query-messages';

/** `POST /public/aid-query`: the student's name and full ID number, and a solved challenge when one was asked for. */
export class AidQueryDto {
  @IsString(says(AID_QUERY_MESSAGES.nameRequired))
  @IsNotEmpty(says(AID_QUERY_MESSAGES.nameRequired))
  @MaxLength(50, says(AID_QUERY_MESSAGES.nameTooLong))
  name!: string;

  @IsString(says(AID_QUERY_MESSAGES.idNumberRequired))
  @IsNotEmpty(says(AID_QUERY_MESSAGES.idNumberRequired))
  @MaxLength(30, says(AID_QUERY_MESSAGES.idNumberTooLong))
  idNumber!: string;

  @IsOptional()
  @IsString(says(AID_QUERY_MESSAGES.challengeWrong))
  @MaxLength(512, says(AID_QUERY_MESSAGES.challengeWrong))
  challengeToken?: string;

  @IsOptional()
  @IsString(says(AID_QUERY_MESSAGES.challengeWrong))
  @MaxLength(10, says(AID_QUERY_MESSAGES.challengeWrong))
  challengeAnswer?: string;
}
